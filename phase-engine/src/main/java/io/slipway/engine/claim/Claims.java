package io.slipway.engine.claim;

import io.slipway.contract.WorkerApi.Claim;

/** Asks whether this worker may run a deployment now. */
@FunctionalInterface
public interface Claims {

    /** Every deployment is its receiver's: the engine embedded in the gateway, or a worker without a gateway. */
    Claims IN_PROCESS = deploymentId -> new Claim(Claim.Verdict.GRANTED, null);

    /** @throws GatewayUnavailable when no verdict came: the question is asked again later */
    Claim claim(String deploymentId);
}
