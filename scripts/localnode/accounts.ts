/**
 * Well-known TEST accounts of the local chain. These mnemonics are public (committed to git, like CosmJS's faucet
 * mnemonics): never fund them on a real network.
 */
import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";

/** Bech32 prefix of our wasmd build (and of Akash). The official cosmwasm/wasmd image uses "wasm". */
export const AKASH_PREFIX = "akash";
export const WASM_PREFIX = "wasm";
export const DEFAULT_DENOM = "uakt";

export interface TestAccountSpec {
  readonly name: string;
  readonly mnemonic: string;
}

export interface TestAccount extends TestAccountSpec {
  readonly address: string;
}

/** The validator comes first: it holds the stake, so its YES vote alone passes governance proposals. */
export const TEST_ACCOUNTS: readonly TestAccountSpec[] = [
  {
    name: "validator",
    mnemonic:
      "other palace dune interest oyster much early term bachelor side upset hip illegal rice aerobic world hen warm burger humble dream wing truck promote",
  },
  {
    name: "alice",
    mnemonic:
      "rail soccer fitness alpha mouse goose junior resemble flee frog dignity legal original wish snow lumber abuse bulk moral member mango traffic surround image",
  },
  {
    name: "bob",
    mnemonic:
      "person can system diet pen party notice blood wage success easy odor virtual vital mad cinnamon horn column vicious shiver shuffle near slender patch",
  },
  {
    name: "carol",
    mnemonic:
      "host country sorry abuse nasty frost absurd clip pepper title raw work hammer auto dial upset hand donor sunny wise profit switch soldier eye",
  },
];

export const VALIDATOR = TEST_ACCOUNTS[0]!;

export async function addressOf(mnemonic: string, prefix: string = AKASH_PREFIX): Promise<string> {
  const wallet = await DirectSecp256k1HdWallet.fromMnemonic(mnemonic, { prefix });
  const [account] = await wallet.getAccounts();
  if (account === undefined) throw new Error("wallet has no account");
  return account.address;
}

export async function testAccounts(prefix: string = AKASH_PREFIX): Promise<TestAccount[]> {
  return Promise.all(TEST_ACCOUNTS.map(async (a) => ({ ...a, address: await addressOf(a.mnemonic, prefix) })));
}
