/**
 * The vocabulary of the rules: conclusions that rules insert and later rules match on.
 *
 * <p>Rules never change the intake's facts ({@link nl.burnoutprofiler.engine.Observation},
 * {@link nl.burnoutprofiler.engine.Rulers}); they add these records. Which rule inserted which conclusion is
 * recorded by the engine, so a conclusion never has to name its own rule.
 */
package nl.burnoutprofiler.engine.facts;
