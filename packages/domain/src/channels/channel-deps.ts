import type { KeyRing } from '../security/secret-box';
import type { CredentialUrlGuard } from './credential-urls';
import type { UseCaseDeps } from '../use-case-deps';

export interface ChannelDeps extends UseCaseDeps {
  keyRing: KeyRing;
  credentialUrls: CredentialUrlGuard;
}
