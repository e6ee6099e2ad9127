package dev.homeostat.apps.marketfeed;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
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

    /** Largest profile body accepted, characters (a real profile is under 200). */
    static final int MAX_BODY_LENGTH = 4096;

    private final QuotePublisher publisher;
    private final ObjectReader profileReader;

    ProfileResource(QuotePublisher publisher, ObjectMapper mapper) {
        this.publisher = publisher;
        // The body is parsed here, not by the framework, so every malformed input gets the same short 400.
        ObjectMapper strict = mapper.copy();
        strict.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNumberLength(32).maxStringLength(1024).maxNestingDepth(4).build());
        this.profileReader = strict.readerFor(ProfileSpec.class)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** The active profile, its current rate and the publishing counters. */
    @GET
    public FeedStatus current() {
        return publisher.status();
    }

    /** Replaces the active profile; 400 with the reason when the body or the profile is invalid. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(String body) {
        if (body == null || body.isBlank()) {
            return badRequest("a JSON profile body is required");
        }
        if (body.length() > MAX_BODY_LENGTH) {
            return badRequest("the profile body must be at most " + MAX_BODY_LENGTH + " characters");
        }
        ProfileSpec spec;
        try {
            spec = profileReader.readValue(body);
        } catch (UnrecognizedPropertyException e) {
            return badRequest("unknown profile field '" + cut(e.getPropertyName()) + "'");
        } catch (JsonProcessingException e) {
            return badRequest("malformed profile JSON: " + cut(e.getOriginalMessage()));
        }
        if (spec == null) {
            return badRequest("a JSON profile body is required");
        }
        try {
            publisher.apply(spec);
            return Response.ok(publisher.status()).build();
        } catch (IllegalArgumentException e) {
            return badRequest(e.getMessage());
        }
    }

    private static String cut(String text) {
        return text == null || text.length() <= 160 ? text : text.substring(0, 160) + "...";
    }

    private static Response badRequest(String reason) {
        return Response.status(Response.Status.BAD_REQUEST).entity(Map.of("error", reason)).build();
    }
}
