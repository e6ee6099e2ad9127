package dev.homeostat.apps.portfolio.app;

import dev.homeostat.apps.portfolio.domain.Marks;
import dev.homeostat.apps.portfolio.domain.Portfolio;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Wires the plain-Java domain into CDI. */
public class PortfolioBeans {

    @Produces
    @Singleton
    Portfolio portfolio() {
        return new Portfolio();
    }

    @Produces
    @Singleton
    Marks marks() {
        return new Marks();
    }
}
