package dev.homeostat.apps.marketfeed;

import java.io.UncheckedIOException;
import java.util.Map;

import dev.homeostat.apps.marketfeed.profile.ProfileSpec;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Reads and changes the load profile at runtime: {@code GET /profile}, {@code PUT /profile}. */
@Path("/profile")
@Produces(MediaType.APPLICATION_JSON)
public class ProfileResource {

    private final QuotePublisher publisher;

    ProfileResource(QuotePublisher publisher) {
        this.publisher = publisher;
    }

    /** The active profile, its current rate and the publishing counters. */
    @GET
    public FeedStatus current() {
        return publisher.status();
    }

    /** Replaces the active profile; 400 with the reason when the profile is invalid. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(ProfileSpec spec) {
        if (spec == null) {
            return badRequest("a JSON profile body is required");
        }
        try {
            publisher.apply(spec);
            return Response.ok(publisher.status()).build();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            return badRequest(e.getMessage());
        }
    }

    private static Response badRequest(String reason) {
        return Response.status(Response.Status.BAD_REQUEST).entity(Map.of("error", reason)).build();
    }
}
