// `npm run bench`: runs every benchmark and prints its numbers (benchmarks are never tests).
import os from 'node:os';
import { benchCorpus, formatCorpus } from './corpus.mjs';
import { benchLsp, formatLsp } from './lsp.mjs';
import { benchSchema, formatSchema } from './schema.mjs';
import { benchConfig, formatConfig } from './config.mjs';

const copies = Number(process.env.PODLINT_BENCH_COPIES ?? 40);
console.log(`node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown cpu'}`);
console.log(formatCorpus(benchCorpus({ copies })));
console.log(formatLsp([await benchLsp({ mode: 'pull' }), await benchLsp({ mode: 'push' })]));
console.log(formatSchema(await benchSchema()));
console.log(formatConfig(benchConfig({ copies })));
