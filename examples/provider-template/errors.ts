/** 5. The provider's documented error body for each `MockError` code, and a fallback. */
import { defaultStatus, errorBodies, sameBody } from 'authflow-mocks/provider';

export const errorResponse = errorBodies(
  {
    ...sameBody(['credentials_missing', 'token_unknown', 'token_expired', 'invalid_client'], (error) => ({
      status: 401,
      body: { error: error.code === 'invalid_client' ? 'bad_key' : 'unauthorized' },
    })),
  },
  (error) => ({ status: defaultStatus[error.code], body: { error: error.code } }),
);
