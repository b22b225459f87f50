/**
 * Why a port name is not an IANA_SVC_NAME, as Kubernetes' IsValidPortName says it (one message
 * per broken constraint); empty when the name is valid.
 */
export function portNameErrors(name: string): string[] {
  const errors: string[] = [];
  if (name.length > 15) errors.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) errors.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(name)) errors.push('must contain at least one letter (a-z)');
  if (name.includes('--')) errors.push('must not contain consecutive hyphens');
  if (name.startsWith('-') || name.endsWith('-')) errors.push('must not begin or end with a hyphen');
  return errors;
}

export function isValidPortName(name: string): boolean {
  return portNameErrors(name).length === 0;
}
