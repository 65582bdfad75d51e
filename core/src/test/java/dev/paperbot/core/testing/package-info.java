/**
 * Test fixtures other modules' tests share: a fake clock and ticker, real PostgreSQL databases. Published as core's
 * test jar (only this package), which bot depends on in test scope; core's own tests stay out of it.
 */
package dev.paperbot.core.testing;
