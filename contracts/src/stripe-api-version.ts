/**
 * The one Stripe API version we speak, pinned: the SDK client sends it and the local Stripe
 * emulator answers in its shapes. It is the version the installed `stripe` SDK is generated for.
 */
export const STRIPE_API_VERSION = '2026-10-28.endive';
