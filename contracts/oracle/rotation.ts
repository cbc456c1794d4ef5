// submit_signer_set_upgrade: Wormhole Core guardian-set upgrade semantics, used by Pyth for router-set rotation.
import { Context, Key, Response, err, intStr, keccak256, toHex } from "../std";
import { parseVaa, verifyVaaSignatures } from "./verify/vaa";
import { parseSetUpgrade } from "./verify/governance";
import { MAX_SIGNERS, SignerSet } from "./verify/signer_sets";
import { APPLIED_UPGRADES, CONFIG, SIGNER_SETS } from "./state";
import * as E from "./error";

export function submitSignerSetUpgrade(ctx: Context, bytes: Uint8Array): Response {
  const c = CONFIG().mustLoad();
  const now = ctx.env.block.timeSeconds();

  const vaa = parseVaa(bytes, "signer set upgrade VAA");
  if (vaa.error !== null) return err(changetype<string>(vaa.error));
  if (!c.governanceSource.matches(vaa.emitterChain, vaa.emitterAddress))
    return err(E.notGovernanceEmitter(vaa.emitterChain, toHex(vaa.emitterAddress)));
  // Wormhole's archive: keyed by keccak256(body), so a re-signed copy of an applied upgrade is a replay too.
  const hash = keccak256(vaa.body);
  if (APPLIED_UPGRADES().has(Key.bytes(hash))) return err(E.UPGRADE_ALREADY_APPLIED);
  if (vaa.setIndex != c.currentSignerSet) return err(E.notCurrentSet(vaa.setIndex, c.currentSignerSet));
  const current = SIGNER_SETS().load(Key.u32(c.currentSignerSet));
  if (current === null) return err(E.unknownSignerSet(c.currentSignerSet));
  const sigErr = verifyVaaSignatures(vaa, current, now);
  if (sigErr !== null) return err(sigErr);

  const up = parseSetUpgrade(vaa.payload);
  if (up.error !== null) return err(changetype<string>(up.error));
  if (up.targetChain != 0 && up.targetChain != c.chainId) return err(E.wrongTargetChain(up.targetChain, c.chainId));
  if (c.currentSignerSet == U32.MAX_VALUE || up.newIndex != c.currentSignerSet + 1)
    return err(E.wrongNewIndex(up.newIndex, c.currentSignerSet + 1));
  if (up.addresses.length > MAX_SIGNERS) return err(E.tooManySigners(up.addresses.length, MAX_SIGNERS));

  const next = new SignerSet();
  next.index = up.newIndex;
  next.addresses = up.addresses;
  // A fixed quorum (routers: 3 of 5) carries over; sets on Wormhole's rule stay on it.
  next.quorum = current.quorum;
  if (next.quorum > <u32>next.addresses.length)
    return err(E.inheritedQuorumTooLarge(next.quorum, next.addresses.length));

  const expiry = now + c.signerSetExpirySecs;
  if (current.expiresAt == 0 || current.expiresAt > expiry) current.expiresAt = expiry;
  SIGNER_SETS().save(Key.u32(current.index), current);
  SIGNER_SETS().save(Key.u32(next.index), next);
  c.currentSignerSet = next.index;
  CONFIG().save(c);
  APPLIED_UPGRADES().save(Key.bytes(hash), next.index);

  return new Response()
    .addAttribute("action", "submit_signer_set_upgrade")
    .addAttribute("old_index", intStr(current.index))
    .addAttribute("new_index", intStr(next.index))
    .addAttribute("num_signers", intStr(next.addresses.length))
    .addAttribute("quorum", intStr(next.effectiveQuorum()))
    .addAttribute("old_expires_at", intStr(current.expiresAt));
}
