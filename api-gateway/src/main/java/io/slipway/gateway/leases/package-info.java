/**
 * Who runs which deployment, and for how long: a worker claims a deployment before it runs it ({@link
 * io.slipway.gateway.leases.Claims}), its reports renew its lease ({@link io.slipway.gateway.leases.WorkerReports}),
 * and a worker silent past its lease loses its deployments ({@link io.slipway.gateway.leases.LostWorkers}). The gateway
 * runs no worker: it keeps the record of the engines' workers.
 */
package io.slipway.gateway.leases;
