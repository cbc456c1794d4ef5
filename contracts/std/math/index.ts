export { Uint128 } from "./uint128";
export { Uint256 } from "./uint256";
export { Decimal } from "./decimal";
