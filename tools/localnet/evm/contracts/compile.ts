// Compiles TestERC20.sol with the npm solc and writes TestERC20.json (abi + bytecode) beside it.
// Run once after editing the source: `npx tsx tools/localnet/evm/contracts/compile.ts`.
// The artifact is committed so that runtime code never needs the compiler.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import solc from 'solc';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

const input = {
  language: 'Solidity',
  sources: { 'TestERC20.sol': { content: readFileSync(join(here, 'TestERC20.sol'), 'utf8') } },
  settings: {
    optimizer: { enabled: true, runs: 200 },
    // anvil runs Cancun or later; pinning keeps the bytecode stable across solc defaults.
    evmVersion: 'cancun',
    outputSelection: { 'TestERC20.sol': { TestERC20: ['abi', 'evm.bytecode.object'] } },
  },
};

// Resolves `@openzeppelin/...` imports from node_modules.
function findImports(path: string): { contents: string } | { error: string } {
  try {
    return { contents: readFileSync(require.resolve(path), 'utf8') };
  } catch {
    return { error: `not found: ${path}` };
  }
}

const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
const errors = (output.errors ?? []).filter((e: { severity: string }) => e.severity === 'error');
if (errors.length > 0) {
  throw new Error(errors.map((e: { formattedMessage: string }) => e.formattedMessage).join('\n'));
}

const contract = output.contracts['TestERC20.sol'].TestERC20;
const artifact = {
  contractName: 'TestERC20',
  compiler: `solc ${solc.version()}`,
  abi: contract.abi,
  bytecode: `0x${contract.evm.bytecode.object}`,
};
writeFileSync(join(here, 'TestERC20.json'), `${JSON.stringify(artifact, null, 2)}\n`);
console.log(`wrote TestERC20.json (${(artifact.bytecode.length - 2) / 2} bytes)`);
