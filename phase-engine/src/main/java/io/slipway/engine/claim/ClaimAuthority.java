package io.slipway.engine.claim;

import io.slipway.contract.WorkerApi.Claim;

/**
 * Who says whether this worker may run a deployment now: the gateway for a distributed worker, the worker itself
 * otherwise.
 */
@FunctionalInterface
public interface ClaimAuthority {

    /** Every deployment is its receiver's: the engine embedded in the gateway, or a worker without a gateway. */
    ClaimAuthority IN_PROCESS = deploymentId -> new Claim(Claim.Verdict.GRANTED, null);

    /** @throws GatewayUnavailable when no verdict came: the question is asked again later */
    Claim claim(String deploymentId);
}
