/**
 * The leader-election SPI. An {@link org.zkplatform.api.election.ElectionProvider} is found by
 * {@link java.util.ServiceLoader} and chosen by its algorithm number; ZooKeeper's number {@code 3}
 * (Fast Leader Election) is the one zkplatform ships. Election talks to its peers over the quorum
 * {@link org.zkplatform.api.transport.Transport} it is given, and learns this server's state
 * (to answer peers that are still looking) through {@link org.zkplatform.api.election.LocalPeer}.
 */
@Experimental
package org.zkplatform.api.election;

import org.zkplatform.api.Experimental;
