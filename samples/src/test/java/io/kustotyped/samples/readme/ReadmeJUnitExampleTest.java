package io.kustotyped.samples.readme;

/** Runs the README's JUnit 5 example ({@link EventIngestionTest}, compiled with the main code) as a test. */
class ReadmeJUnitExampleTest extends EventIngestionTest {}
