/** How long an emailed sign-in link stays valid. It also works only once. */
export const SIGN_IN_CODE_MINUTES = 15;
export const SIGN_IN_CODE_MS = SIGN_IN_CODE_MINUTES * 60_000;
