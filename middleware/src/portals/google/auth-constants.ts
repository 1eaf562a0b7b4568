// Google's OAuth facts the Cloud Channel client needs, shared with the sandbox emulator that checks them.
/** The scope Cloud Channel API calls need. */
export const CLOUD_CHANNEL_SCOPE = 'https://www.googleapis.com/auth/apps.order';
/** Where Google's own libraries send the service-account assertion (also its `aud`). */
export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
