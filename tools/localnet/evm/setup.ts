// One call for `npm run dev` and tests: a fresh anvil with the full localnet deployed and seeded.
import { startAnvil, type AnvilInstance } from './anvil';
import { deployEvmLocalnet, type EvmLocalnetDeployment } from './deploy';

export interface StartEvmLocalnetOptions {
  /** TCP port on 127.0.0.1; a free one is picked when omitted. */
  port?: number;
}

export interface EvmLocalnet extends AnvilInstance {
  deployment: EvmLocalnetDeployment;
  /** Wall-clock milliseconds spent starting anvil and deploying. */
  startupMs: number;
}

export async function startEvmLocalnet(options: StartEvmLocalnetOptions = {}): Promise<EvmLocalnet> {
  const started = performance.now();
  const anvil = await startAnvil({ port: options.port });
  try {
    const deployment = await deployEvmLocalnet(anvil.rpcUrl);
    return { ...anvil, deployment, startupMs: Math.round(performance.now() - started) };
  } catch (error) {
    await anvil.stop();
    throw error;
  }
}
