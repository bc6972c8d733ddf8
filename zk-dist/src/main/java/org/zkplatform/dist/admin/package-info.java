/**
 * The admin HTTP endpoint (ZooKeeper's AdminServer commands as JSON, health and readiness probes,
 * Prometheus metrics) and the JVM pause monitor.
 */
package org.zkplatform.dist.admin;
