package io.slipway.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.client.SseEvent;

/**
 * The gateway's REST API (SPEC §3) as the CLI uses it. Built per run by {@link ApiClients} with the URL and token of
 * the operator's config; not a CDI REST client, since the URL is only known at run time.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface SlipwayApi {

    String GZIP = "application/gzip";

    @GET
    @Path("/apps")
    List<App> apps();

    @POST
    @Path("/apps")
    @Consumes(MediaType.APPLICATION_JSON)
    App createApp(Requests.CreateApp app);

    @GET
    @Path("/apps/{app}")
    App app(@PathParam("app") String app);

    @PATCH
    @Path("/apps/{app}")
    @Consumes(MediaType.APPLICATION_JSON)
    App changeLimits(@PathParam("app") String app, Requests.LimitsChange change);

    @DELETE
    @Path("/apps/{app}")
    void destroyApp(@PathParam("app") String app);

    @POST
    @Path("/apps/{app}/deployments")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode deployImage(@PathParam("app") String app, Requests.DeployImage request);

    /** The build context is streamed from {@code context}, never held whole in memory. */
    @POST
    @Path("/apps/{app}/deployments")
    @Consumes(GZIP)
    JsonNode deployContext(
            @PathParam("app") String app,
            @QueryParam("taskTimeoutSeconds") Long taskTimeoutSeconds,
            @QueryParam("dryRun") Boolean dryRun,
            InputStream context);

    @GET
    @Path("/apps/{app}/deployments")
    List<Deployment> deployments(@PathParam("app") String app);

    @GET
    @Path("/deployments/{id}")
    Deployment deployment(@PathParam("id") String id);

    @GET
    @Path("/deployments/{id}/logs")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Multi<SseEvent<String>> deploymentLogs(@PathParam("id") String id);

    @POST
    @Path("/deployments/{id}/cancel")
    Deployment cancel(@PathParam("id") String id);

    @POST
    @Path("/deployments/{id}/retry")
    Deployment retry(@PathParam("id") String id);

    @POST
    @Path("/apps/{app}/rollback")
    @Consumes(MediaType.APPLICATION_JSON)
    Deployment rollback(@PathParam("app") String app, Requests.Rollback rollback);

    @GET
    @Path("/apps/{app}/config")
    Map<String, String> config(@PathParam("app") String app);

    /**
     * A JSON merge patch: a null value removes the variable. The answer is the config, or (where a config change makes
     * a release) {@code {config, deployment}}; read as a tree so either shape is shown.
     */
    @PATCH
    @Path("/apps/{app}/config")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode changeConfig(
            @PathParam("app") String app, @QueryParam("deploy") Boolean deploy, Map<String, String> changes);

    @GET
    @Path("/apps/{app}/formation")
    Map<String, Integer> formation(@PathParam("app") String app);

    @PUT
    @Path("/apps/{app}/formation")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode scale(@PathParam("app") String app, Map<String, Integer> quantities);

    @GET
    @Path("/apps/{app}/webhooks")
    List<Webhook> webhooks(@PathParam("app") String app);

    @POST
    @Path("/apps/{app}/webhooks")
    @Consumes(MediaType.APPLICATION_JSON)
    Webhook addWebhook(@PathParam("app") String app, Requests.NewWebhook webhook);

    @DELETE
    @Path("/apps/{app}/webhooks/{id}")
    void removeWebhook(@PathParam("app") String app, @PathParam("id") String id);

    @GET
    @Path("/apps/{app}/logs")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Multi<SseEvent<String>> appLogs(
            @PathParam("app") String app,
            @QueryParam("tail") Integer tail,
            @QueryParam("follow") Boolean follow,
            @QueryParam("type") String type);

    @POST
    @Path("/apps/{app}/runs")
    @Consumes(MediaType.APPLICATION_JSON)
    Run startRun(@PathParam("app") String app, Requests.NewRun run);

    @GET
    @Path("/runs/{id}")
    Run run(@PathParam("id") String id);

    @GET
    @Path("/runs/{id}/logs")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Multi<SseEvent<String>> runLogs(@PathParam("id") String id);

    @GET
    @Path("/apps/{app}/cron")
    List<CronEntry> cronEntries(@PathParam("app") String app);

    @POST
    @Path("/apps/{app}/cron/{id}/run")
    Run runCronEntry(@PathParam("app") String app, @PathParam("id") String id);

    @PUT
    @Path("/apps/{app}/cron/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    CronEntry changeCronEntry(@PathParam("app") String app, @PathParam("id") String id, Requests.CronChange change);

    @POST
    @Path("/apps/{app}/restart")
    @Consumes(MediaType.APPLICATION_JSON)
    Deployment restart(@PathParam("app") String app, Requests.Restart restart);

    @POST
    @Path("/apps/{app}/stop")
    Deployment stop(@PathParam("app") String app);

    @POST
    @Path("/apps/{app}/start")
    Deployment start(@PathParam("app") String app);

    @GET
    @Path("/tokens")
    List<Token> tokens();

    @POST
    @Path("/tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    Token createToken(Requests.NewToken token);

    @DELETE
    @Path("/tokens/{id}")
    void revokeToken(@PathParam("id") String id);

    @GET
    @Path("/audit")
    List<AuditEntry> audit(
            @QueryParam("app") String app, @QueryParam("actor") String actor, @QueryParam("limit") Integer limit);
}
