package dev.homeostat.apps.portfolio.app;

import dev.homeostat.apps.portfolio.domain.AccountBook;
import dev.homeostat.apps.portfolio.domain.Marks;
import dev.homeostat.apps.portfolio.domain.Portfolio;
import dev.homeostat.apps.portfolio.domain.Valuation;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;
import java.util.function.Function;

/**
 * Positions and P&amp;L per account. Answers 503 while the books are being restored and 404 for an
 * account without fills.
 */
@Path("/accounts")
@Produces(MediaType.APPLICATION_JSON)
public class PortfolioResource {

    private final Portfolio portfolio;
    private final Marks marks;
    private final StateReader reader;

    /** The resource over the books and marks. */
    public PortfolioResource(Portfolio portfolio, Marks marks, StateReader reader) {
        this.portfolio = portfolio;
        this.marks = marks;
        this.reader = reader;
    }

    /** Accounts with a book. */
    @GET
    public Response accounts() {
        return whenRestored(() -> Response.ok(portfolio.accounts()).build());
    }

    /** Every position of the account, valued at the latest marks. */
    @GET
    @Path("/{account}/positions")
    public Response positions(@PathParam("account") String account) {
        return withBook(account, book -> Valuation.positions(book, marks));
    }

    /** Realized, unrealized and total P&amp;L of the account. */
    @GET
    @Path("/{account}/pnl")
    public Response pnl(@PathParam("account") String account) {
        return withBook(account, book -> Valuation.pnl(book, marks));
    }

    private Response withBook(String account, Function<AccountBook, Object> view) {
        return whenRestored(() -> portfolio.book(account)
                .map(book -> Response.ok(view.apply(book)).build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND)
                        .entity(Map.of("error", "no fills for account " + account)).build()));
    }

    private Response whenRestored(java.util.function.Supplier<Response> answer) {
        if (!reader.restored()) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .entity(Map.of("error", "restoring books from the state topic")).build();
        }
        return answer.get();
    }
}
