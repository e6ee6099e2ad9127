package dev.homeostat.operator;

/** Placeholder so the module compiles while the operator is built. */
final class Placeholder {
}
