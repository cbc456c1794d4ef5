/** Governance over a real node: every operation is an x/gov v1 proposal, passed by the validator's YES vote. */
import { gzipSync } from "node:zlib";
import { toUtf8 } from "@cosmjs/encoding";
import type { EncodeObject } from "@cosmjs/proto-signing";
import { calculateFee, type DeliverTxResponse, type StdFee } from "@cosmjs/stargate";
import type { Coin } from "../../sim/interface/coin.js";
import { ProposalStatus, VoteOption, type Params as GovParams } from "cosmjs-types/cosmos/gov/v1/gov";
import { MsgSubmitProposal, MsgVote } from "cosmjs-types/cosmos/gov/v1/tx";
import {
  MsgExecuteContract,
  MsgInstantiateContract,
  MsgMigrateContract,
  MsgStoreCode,
} from "cosmjs-types/cosmwasm/wasm/v1/tx";
import type { NodeChainClient } from "./node-client.js";
import {
  codeIdByChecksum,
  contractState,
  wasmChecksum,
  type ContractState,
  type Governance,
  type GovInstantiateOptions,
  type InstantiateOutcome,
  type MigrateOptions,
  type MigrateOutcome,
  type StoreCodeOptions,
  type StoreCodeOutcome,
} from "../../sim/interface/governance.js";
import type { JsonObject } from "../../sim/interface/client.js";
import { govAddress } from "../../sim/interface/addresses.js";

export interface NodeGovernanceOptions {
  /** Submits and deposits; must be one of the client's signers. */
  proposer: string;
  /** Vote YES with these keys (default: the proposer). On a localnet the validator alone passes any proposal. */
  voters?: readonly string[];
  /** bech32 prefix of the chain (for the gov module address). */
  prefix: string;
  /** Expedited proposals (default true): they finish after expedited_voting_period instead of voting_period. */
  expedited?: boolean;
  /** Give up waiting for a proposal after this long (default: voting period + 60 s). */
  timeoutMs?: number;
  /** Status lines (default: none). */
  log?: (line: string) => void;
}

const TYPE_SUBMIT = "/cosmos.gov.v1.MsgSubmitProposal";
const TYPE_VOTE = "/cosmos.gov.v1.MsgVote";
export const TYPE_STORE_CODE = "/cosmwasm.wasm.v1.MsgStoreCode";
export const TYPE_INSTANTIATE = "/cosmwasm.wasm.v1.MsgInstantiateContract";
export const TYPE_MIGRATE = "/cosmwasm.wasm.v1.MsgMigrateContract";
export const TYPE_EXECUTE = "/cosmwasm.wasm.v1.MsgExecuteContract";

const VOTE_GAS = 300_000;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function eventAttr(res: DeliverTxResponse, type: string, key: string): string | undefined {
  for (const e of res.events) if (e.type === type) for (const a of e.attributes) if (a.key === key) return a.value;
  return undefined;
}

function durationMs(d: { seconds: bigint; nanos: number } | undefined): number {
  return d === undefined ? 0 : Number(d.seconds) * 1000 + Math.round(d.nanos / 1e6);
}

export class ProposalFailedError extends Error {
  override name = "ProposalFailedError";
  constructor(
    readonly proposalId: number,
    readonly status: string,
    readonly failedReason: string,
  ) {
    super(`proposal ${proposalId} ${status}${failedReason ? `: ${failedReason}` : ""}`);
  }
}

export class NodeGovernance implements Governance {
  readonly chainId: string;
  readonly govAddress: string;
  private params: GovParams | undefined;

  constructor(
    private readonly client: NodeChainClient,
    private readonly opts: NodeGovernanceOptions,
  ) {
    this.chainId = client.chainId;
    this.govAddress = govAddress(opts.prefix);
    if (!client.signers.includes(opts.proposer)) throw new Error(`no signing key for proposer ${opts.proposer}`);
  }

  private async govParams(): Promise<GovParams> {
    if (this.params === undefined) {
      const { params } = await this.client.gov.Params({ paramsType: "" });
      if (params === undefined) throw new Error("chain returned no x/gov params");
      this.params = params;
    }
    return this.params;
  }

  private async broadcast(
    signer: string,
    msgs: EncodeObject[],
    what: string,
    fee: StdFee | number = 1.5,
  ): Promise<DeliverTxResponse> {
    const res = await this.client.signing.signAndBroadcast(signer, msgs, fee);
    // rawLog is deprecated because successful txs leave it empty; for a failed tx it carries the error text.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    if (res.code !== 0) throw new Error(`${what} failed (code ${res.code}): ${res.rawLog ?? ""}`);
    return res;
  }

  /** Submits one proposal carrying `messages`, votes YES and waits until it has been executed. */
  async passProposal(
    messages: { typeUrl: string; value: Uint8Array }[],
    text: { title: string; summary: string },
  ): Promise<number> {
    const params = await this.govParams();
    const expedited = this.opts.expedited ?? true;
    const deposit: Coin[] = expedited ? params.expeditedMinDeposit : params.minDeposit;
    const submit = await this.broadcast(
      this.opts.proposer,
      [
        {
          typeUrl: TYPE_SUBMIT,
          value: MsgSubmitProposal.fromPartial({
            messages,
            initialDeposit: deposit,
            proposer: this.opts.proposer,
            metadata: "",
            title: text.title,
            summary: text.summary,
            expedited,
          }),
        },
      ],
      "submit proposal",
    );
    const idText = eventAttr(submit, "submit_proposal", "proposal_id");
    if (idText === undefined) throw new Error(`no submit_proposal.proposal_id in tx ${submit.transactionHash}`);
    const proposalId = Number(idText);
    this.opts.log?.(`proposal ${proposalId} submitted: ${text.title}`);
    for (const voter of this.opts.voters ?? [this.opts.proposer]) {
      await this.broadcast(
        voter,
        [
          {
            typeUrl: TYPE_VOTE,
            value: MsgVote.fromPartial({
              proposalId: BigInt(proposalId),
              voter,
              option: VoteOption.VOTE_OPTION_YES,
              metadata: "",
            }),
          },
        ],
        `vote on proposal ${proposalId}`,
        // A vote's simulated gas can be short (the tally bookkeeping differs in simulation): use a fixed limit.
        calculateFee(VOTE_GAS, this.client.gasPrice),
      );
    }
    const period = durationMs(expedited ? params.expeditedVotingPeriod : params.votingPeriod);
    const deadline = Date.now() + (this.opts.timeoutMs ?? period + 60_000);
    for (;;) {
      const { proposal } = await this.client.gov.Proposal({ proposalId: BigInt(proposalId) });
      const status = proposal?.status;
      if (status === ProposalStatus.PROPOSAL_STATUS_PASSED) {
        this.opts.log?.(`proposal ${proposalId} passed`);
        return proposalId;
      }
      if (status === ProposalStatus.PROPOSAL_STATUS_FAILED || status === ProposalStatus.PROPOSAL_STATUS_REJECTED) {
        throw new ProposalFailedError(proposalId, ProposalStatus[status], proposal?.failedReason ?? "");
      }
      if (Date.now() > deadline) {
        throw new Error(`proposal ${proposalId} still ${status === undefined ? "missing" : ProposalStatus[status]}`);
      }
      await sleep(500);
    }
  }

  async storeCode(wasm: Uint8Array, opts: StoreCodeOptions = {}): Promise<StoreCodeOutcome> {
    const checksum = wasmChecksum(wasm);
    const existing = codeIdByChecksum(await this.client.getCodes(), checksum);
    if (existing !== undefined) return { codeId: existing, checksum, skipped: true };
    const msg = MsgStoreCode.fromPartial({
      sender: this.govAddress,
      // gzip keeps the tx under CometBFT's 1 MiB limit; the chain checks and hashes the unzipped wasm
      wasmByteCode: gzipSync(wasm, { level: 9 }),
    });
    const proposalId = await this.passProposal(
      [{ typeUrl: TYPE_STORE_CODE, value: MsgStoreCode.encode(msg).finish() }],
      {
        title: opts.title ?? `Store wasm code ${checksum.slice(0, 12)}`,
        summary: opts.summary ?? `Store wasm code with sha256 checksum ${checksum} (${wasm.length} bytes).`,
      },
    );
    // The code id is emitted in the EndBlocker, not in any tx we sent: find it by checksum.
    const codeId = codeIdByChecksum(await this.client.getCodes(), checksum);
    if (codeId === undefined) throw new Error(`proposal ${proposalId} passed but no code has checksum ${checksum}`);
    return { codeId, checksum, proposalId, skipped: false };
  }

  async instantiate(
    codeId: number,
    msg: JsonObject,
    label: string,
    opts: GovInstantiateOptions = {},
  ): Promise<InstantiateOutcome> {
    const admin = opts.admin ?? this.govAddress;
    const inst = MsgInstantiateContract.fromPartial({
      sender: this.govAddress,
      admin,
      codeId: BigInt(codeId),
      label,
      msg: toUtf8(JSON.stringify(msg)),
      funds: [],
    });
    const before = new Set(await this.client.getContracts(codeId));
    const proposalId = await this.passProposal(
      [{ typeUrl: TYPE_INSTANTIATE, value: MsgInstantiateContract.encode(inst).finish() }],
      {
        title: opts.title ?? `Instantiate ${label}`,
        summary: opts.summary ?? `Instantiate code ${codeId} as "${label}" with admin ${admin}.`,
      },
    );
    // Labels are not unique on chain: prefer a contract that appeared with this proposal.
    const after = await this.client.getContracts(codeId);
    // Newest first within each group: the proposal's own contracts, then older ones.
    const candidates = [
      ...after.filter((a) => !before.has(a)).reverse(),
      ...after.filter((a) => before.has(a)).reverse(),
    ];
    for (const address of candidates) {
      if ((await this.client.getContract(address)).label === label) return { address, proposalId };
    }
    throw new Error(`proposal ${proposalId} passed but code ${codeId} has no contract labelled "${label}"`);
  }

  async migrate(contract: string, codeId: number, msg: JsonObject, opts: MigrateOptions = {}): Promise<MigrateOutcome> {
    const m = MsgMigrateContract.fromPartial({
      sender: this.govAddress,
      contract,
      codeId: BigInt(codeId),
      msg: toUtf8(JSON.stringify(msg)),
    });
    const proposalId = await this.passProposal(
      [{ typeUrl: TYPE_MIGRATE, value: MsgMigrateContract.encode(m).finish() }],
      {
        title: opts.title ?? `Migrate ${contract} to code ${codeId}`,
        summary: opts.summary ?? `Migrate contract ${contract} to code ${codeId}.`,
      },
    );
    return { proposalId };
  }

  async execute(contract: string, msg: JsonObject, opts: MigrateOptions = {}): Promise<MigrateOutcome> {
    const m = MsgExecuteContract.fromPartial({
      sender: this.govAddress,
      contract,
      msg: toUtf8(JSON.stringify(msg)),
      funds: [],
    });
    const proposalId = await this.passProposal(
      [{ typeUrl: TYPE_EXECUTE, value: MsgExecuteContract.encode(m).finish() }],
      {
        title: opts.title ?? `Execute on ${contract}`,
        summary: opts.summary ?? `Execute ${JSON.stringify(msg)} on ${contract} as the gov authority.`,
      },
    );
    return { proposalId };
  }

  contract(address: string): Promise<ContractState | undefined> {
    return contractState(this.client, address);
  }

  chainTime(): Promise<string | undefined> {
    return this.client.getBlockTime();
  }
}
