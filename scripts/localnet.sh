#!/bin/sh
# Single-validator wasmd localnet configured like Akash mainnet (code upload by governance only, gov module as admin),
# with governance periods short enough for tests. POSIX sh + sed only: runs on Debian with our own wasmd build and
# inside the Alpine cosmwasm/wasmd image (Docker path).
#
# The home is initialised once (genesis, validator key, gentx); later runs just start the node again.
#
# Environment (defaults in brackets):
#   VALIDATOR_MNEMONIC  required; the validator key (keyring "test", key name "validator")
#   WASMD [wasmd]       binary; WASMD_HOME [$HOME/.wasmd]
#   CHAIN_ID [akash-localnet-1]  DENOM [uakt] (bond, mint, gov-deposit and fee denom)
#   EXTRA_ACCOUNTS      space-separated bech32 addresses funded in genesis (their prefix must match the binary's)
#   CODE_UPLOAD [Nobody]  Nobody = only x/gov can store code (Akash); Everybody for quick non-gov tests
#   INSTANTIATE_DEFAULT [Everybody]
#   VOTING_PERIOD [8s] EXPEDITED_VOTING_PERIOD [4s] MAX_DEPOSIT_PERIOD [8s]
#   BLOCK_TIME [300ms]  timeout_commit and timeout_propose
#   LISTEN [127.0.0.1]  RPC/API/gRPC interface (0.0.0.0 inside a container)
#   RPC_PORT [26657] P2P_PORT [26656] API_PORT [1317] GRPC_PORT [9090]
#   INIT_ONLY=1         initialise the home and exit without starting (used to build reusable templates)
set -eu
: "${VALIDATOR_MNEMONIC:?set VALIDATOR_MNEMONIC (see scripts/localnode/accounts.ts)}"

WASMD=${WASMD:-wasmd}
H=${WASMD_HOME:-$HOME/.wasmd}
CHAIN_ID=${CHAIN_ID:-akash-localnet-1}
DENOM=${DENOM:-uakt}
LISTEN=${LISTEN:-127.0.0.1}
UPLOAD=${CODE_UPLOAD:-Nobody}
INSTANTIATE=${INSTANTIATE_DEFAULT:-Everybody}
BLOCK_TIME=${BLOCK_TIME:-300ms}

case "$UPLOAD" in Nobody | Everybody) ;; *) echo "CODE_UPLOAD must be Nobody or Everybody" >&2; exit 2 ;; esac
case "$INSTANTIATE" in Nobody | Everybody) ;; *) echo "INSTANTIATE_DEFAULT must be Nobody or Everybody" >&2; exit 2 ;; esac

if [ ! -f "$H/config/genesis.json" ]; then
  rm -rf "$H/config" "$H/data" "$H/keyring-test"
  # --default-denom sets the bond, mint and gov-deposit denom in one go.
  "$WASMD" init node0 --chain-id "$CHAIN_ID" --default-denom "$DENOM" --home "$H" >/dev/null 2>&1
  echo "$VALIDATOR_MNEMONIC" | "$WASMD" keys add validator --recover --keyring-backend test --home "$H" >/dev/null 2>&1
  "$WASMD" genesis add-genesis-account validator "100000000000000$DENOM" --keyring-backend test --home "$H"
  if [ -n "${EXTRA_ACCOUNTS:-}" ]; then
    # One bulk call instead of one per account: every wasmd invocation costs about a second of start-up.
    sep=""
    printf '[' >"$H/extra-accounts.json"
    for a in $EXTRA_ACCOUNTS; do
      printf '%s{"address":"%s","coins":[{"denom":"%s","amount":"100000000000"}]}' "$sep" "$a" "$DENOM" \
        >>"$H/extra-accounts.json"
      sep=","
    done
    printf ']\n' >>"$H/extra-accounts.json"
    "$WASMD" genesis bulk-add-genesis-account "$H/extra-accounts.json" --home "$H"
    rm -f "$H/extra-accounts.json"
  fi
  "$WASMD" genesis gentx validator "1000000000$DENOM" --chain-id "$CHAIN_ID" --keyring-backend test --home "$H" \
    >/dev/null 2>&1
  "$WASMD" genesis collect-gentxs --home "$H" >/dev/null 2>&1

  G="$H/config/genesis.json"
  # Patterns start with the opening quote, so "voting_period" never matches "expedited_voting_period".
  sed -i -e 's/"voting_period": "[^"]*"/"voting_period": "'"${VOTING_PERIOD:-8s}"'"/' \
    -e 's/"expedited_voting_period": "[^"]*"/"expedited_voting_period": "'"${EXPEDITED_VOTING_PERIOD:-4s}"'"/' \
    -e 's/"max_deposit_period": "[^"]*"/"max_deposit_period": "'"${MAX_DEPOSIT_PERIOD:-8s}"'"/' "$G"
  # The range stops at the first "}" after code_upload_access, i.e. inside that object only.
  sed -i '/"code_upload_access"/,/}/ s/"permission": "[A-Za-z]*"/"permission": "'"$UPLOAD"'"/' "$G"
  sed -i 's/"instantiate_default_permission": "[A-Za-z]*"/"instantiate_default_permission": "'"$INSTANTIATE"'"/' "$G"
  "$WASMD" genesis validate --home "$H" >/dev/null

  # Empty blocks stay on: a proposal only ends in an EndBlocker after its voting end time, so an idle chain that
  # made no blocks would never finish a vote. pprof off so that parallel nodes don't fight over localhost:6060.
  sed -i -e 's/^timeout_commit = .*/timeout_commit = "'"$BLOCK_TIME"'"/' \
    -e 's/^timeout_propose = .*/timeout_propose = "'"$BLOCK_TIME"'"/' \
    -e 's/^create_empty_blocks = .*/create_empty_blocks = true/' \
    -e 's/^cors_allowed_origins = .*/cors_allowed_origins = ["*"]/' \
    -e 's/^pprof_laddr = .*/pprof_laddr = ""/' "$H/config/config.toml"
fi
[ "${INIT_ONLY:-}" = 1 ] && exit 0

exec "$WASMD" start --home "$H" --minimum-gas-prices "0$DENOM" \
  --rpc.laddr "tcp://$LISTEN:${RPC_PORT:-26657}" \
  --p2p.laddr "tcp://127.0.0.1:${P2P_PORT:-26656}" \
  --api.enable --api.address "tcp://$LISTEN:${API_PORT:-1317}" \
  --grpc.enable --grpc.address "$LISTEN:${GRPC_PORT:-9090}"
