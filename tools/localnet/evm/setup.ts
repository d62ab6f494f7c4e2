// One call for `npm run dev` and tests: a fresh anvil with the full localnet deployed and seeded.
import { startAnvil, type AnvilInstance } from './anvil';
import { deployEvmLocalnet, type EvmLocalnetDeployment } from './deploy';

export interface StartEvmLocalnetOptions {
  /** TCP port on 127.0.0.1; a free one is picked when omitted. */
  port?: number;
}

export interface EvmLocalnet extends AnvilInstance {
  deployment: EvmLocalnetDeployment;
}

export async function startEvmLocalnet(options: StartEvmLocalnetOptions = {}): Promise<EvmLocalnet> {
  const anvil = await startAnvil({ port: options.port });
  try {
    const deployment = await deployEvmLocalnet(anvil.rpcUrl);
    return { ...anvil, deployment };
  } catch (error) {
    await anvil.stop();
    throw error;
  }
}
