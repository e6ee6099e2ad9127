package dev.homeostat.operator.api;

/** Who decides an app's replica count: the user (Fixed), a reactive rule, or a trained forecast model. */
public enum ScalingMode {
    Fixed,
    Reactive,
    Predictive
}
