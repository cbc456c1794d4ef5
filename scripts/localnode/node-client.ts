/**
 * ChainClient backed by a real node: CosmJS SigningCosmWasmClient over CometBFT 0.38 RPC, signing with the test
 * accounts, so tests written against the embedded chain can run unchanged against wasmd.
 */
import { SigningCosmWasmClient } from "@cosmjs/cosmwasm";
import { DirectSecp256k1HdWallet, type AccountData, type DirectSignResponse } from "@cosmjs/proto-signing";
import type { EncodeObject, OfflineDirectSigner } from "@cosmjs/proto-signing";
import { createProtobufRpcClient, GasPrice, QueryClient } from "@cosmjs/stargate";
import { Comet38Client } from "@cosmjs/tendermint-rpc";
import type { SignDoc } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { QueryClientImpl as GovQueryClient } from "cosmjs-types/cosmos/gov/v1/query";
import type {
  ChainClient,
  Code,
  Coin,
  Contract,
  DeliverTxResponse,
  ExecuteResult,
  Fee,
  InstantiateOptions,
  InstantiateResult,
  JsonObject,
  MigrateResult,
  StdFee,
  UploadResult,
} from "../../sim/interface/client.js";
import type { TestAccountSpec } from "./accounts.js";

/** Signs for whichever of several mnemonics owns the signer address (one HD wallet holds one mnemonic only). */
class MultiWallet implements OfflineDirectSigner {
  private constructor(private readonly wallets: Map<string, DirectSecp256k1HdWallet>) {}

  static async create(mnemonics: readonly string[], prefix: string): Promise<MultiWallet> {
    const wallets = new Map<string, DirectSecp256k1HdWallet>();
    for (const m of mnemonics) {
      const w = await DirectSecp256k1HdWallet.fromMnemonic(m, { prefix });
      for (const a of await w.getAccounts()) wallets.set(a.address, w);
    }
    return new MultiWallet(wallets);
  }

  async getAccounts(): Promise<readonly AccountData[]> {
    const all = await Promise.all([...new Set(this.wallets.values())].map((w) => w.getAccounts()));
    return all.flat();
  }

  signDirect(signerAddress: string, signDoc: SignDoc): Promise<DirectSignResponse> {
    const w = this.wallets.get(signerAddress);
    if (w === undefined) throw new Error(`no key for ${signerAddress} in the node client's wallet`);
    return w.signDirect(signerAddress, signDoc);
  }
}

export interface NodeClientOptions {
  /** Default 0.025<denom>. */
  gasPrice?: string;
  /** Multiplier applied to simulated gas for fee "auto" (default 1.5). */
  gasMultiplier?: number;
  /** Extra signing keys besides the node's test accounts (e.g. a deployer from --mnemonic-env). */
  extraMnemonics?: readonly string[];
}

/** What connectNodeClient needs to know about a chain; a Localnode satisfies it. */
export interface NodeEndpoint {
  readonly rpc: string;
  readonly prefix: string;
  readonly denom: string;
  readonly accounts?: readonly TestAccountSpec[];
}

export class NodeChainClient implements ChainClient {
  constructor(
    readonly chainId: string,
    /** The underlying CosmJS client (signAndBroadcast etc.). */
    readonly signing: SigningCosmWasmClient,
    readonly comet: Comet38Client,
    readonly gov: GovQueryClient,
    /** Addresses this client can sign for. */
    readonly signers: readonly string[],
    private readonly gasMultiplier: number,
    readonly gasPrice: GasPrice,
  ) {}

  /** Maps "auto" to our multiplier: CosmJS' own "auto" (1.4) is sometimes short for contract calls with storage. */
  private fee(fee: Fee): StdFee | number {
    return fee === "auto" ? this.gasMultiplier : fee;
  }

  getChainId(): Promise<string> {
    return this.signing.getChainId();
  }

  getHeight(): Promise<number> {
    return this.signing.getHeight();
  }

  upload(sender: string, wasm: Uint8Array, fee: Fee, memo?: string): Promise<UploadResult> {
    return this.signing.upload(sender, wasm, this.fee(fee), memo);
  }

  instantiate(
    sender: string,
    codeId: number,
    msg: JsonObject,
    label: string,
    fee: Fee,
    options?: InstantiateOptions,
  ): Promise<InstantiateResult> {
    return this.signing.instantiate(sender, codeId, msg, label, this.fee(fee), options);
  }

  execute(
    sender: string,
    contract: string,
    msg: JsonObject,
    fee: Fee,
    memo?: string,
    funds?: readonly Coin[],
  ): Promise<ExecuteResult> {
    return this.signing.execute(sender, contract, msg, this.fee(fee), memo, funds);
  }

  migrate(
    sender: string,
    contract: string,
    codeId: number,
    msg: JsonObject,
    fee: Fee,
    memo?: string,
  ): Promise<MigrateResult> {
    return this.signing.migrate(sender, contract, codeId, msg, this.fee(fee), memo);
  }

  simulate(sender: string, messages: readonly EncodeObject[], memo: string | undefined): Promise<number> {
    return this.signing.simulate(sender, messages, memo);
  }

  queryContractSmart(address: string, msg: JsonObject): Promise<JsonObject> {
    return this.signing.queryContractSmart(address, msg);
  }

  queryContractRaw(address: string, key: Uint8Array): Promise<Uint8Array | null> {
    return this.signing.queryContractRaw(address, key);
  }

  getBalance(address: string, denom: string): Promise<Coin> {
    return this.signing.getBalance(address, denom);
  }

  sendTokens(sender: string, to: string, coins: readonly Coin[], fee: Fee, memo?: string): Promise<DeliverTxResponse> {
    return this.signing.sendTokens(sender, to, coins, this.fee(fee), memo);
  }

  getCodes(): Promise<readonly Code[]> {
    return this.signing.getCodes();
  }

  getContracts(codeId: number): Promise<readonly string[]> {
    return this.signing.getContracts(codeId);
  }

  getContract(address: string): Promise<Contract> {
    return this.signing.getContract(address);
  }

  /** Latest block time (the chain's clock, e.g. for deployment records). */
  async getBlockTime(): Promise<string> {
    const block = await this.signing.getBlock();
    return block.header.time;
  }

  disconnect(): void {
    this.signing.disconnect();
  }
}

/** Connects to a node's RPC with every test account (and `extraMnemonics`) able to sign. */
export async function connectNodeClient(node: NodeEndpoint, opts: NodeClientOptions = {}): Promise<NodeChainClient> {
  const mnemonics = [...(node.accounts ?? []).map((a) => a.mnemonic), ...(opts.extraMnemonics ?? [])];
  const wallet = await MultiWallet.create(mnemonics, node.prefix);
  // wasmd 0.61 runs CometBFT 0.38; constructing the client directly avoids version sniffing.
  const comet = await Comet38Client.connect(node.rpc);
  const gasPrice = GasPrice.fromString(opts.gasPrice ?? `0.025${node.denom}`);
  const signing = SigningCosmWasmClient.createWithSigner(comet, wallet, {
    gasPrice,
    // CosmJS polls for inclusion every 3 s by default; blocks here come every ~300 ms.
    broadcastPollIntervalMs: 300,
  });
  const gov = new GovQueryClient(createProtobufRpcClient(new QueryClient(comet)));
  const chainId = await signing.getChainId();
  const signers = (await wallet.getAccounts()).map((a) => a.address);
  return new NodeChainClient(chainId, signing, comet, gov, signers, opts.gasMultiplier ?? 1.5, gasPrice);
}
