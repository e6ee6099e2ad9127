package dev.homeostat.operator.realapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/** Marks a class of the real-API-server tier: it runs against the cluster KUBECONFIG names, and skips without one. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("real-api")
@ExtendWith(RequiresKubeconfig.class)
public @interface RealApiTier {
}
