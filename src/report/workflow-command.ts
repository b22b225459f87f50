// GitHub Actions workflow commands (`::error file=a.yaml,line=3::message`), escaped exactly as the
// Actions toolkit (@actions/core) escapes them, so any message or path survives the runner's parser.

/** The message part: `%`, CR and LF are encoded. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: as data, plus `:` and `,`, which delimit properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export type WorkflowProperties = Readonly<Record<string, string | number | undefined>>;

/** One workflow command line, properties in the order given, undefined ones left out. */
export function workflowCommand(command: string, properties: WorkflowProperties, message: string): string {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
  return `::${command}${props.length ? ` ${props.join(',')}` : ''}::${escapeData(message)}`;
}
