/**
 * IKE in the runtime: the component on the tunnel port (PID {@code io.homeward.ike}) that runs the exchange engine on
 * its own thread, keys the SA pair of every peer the directory lists (the lower ULA initiating first, manual keys
 * left alone), and the {@code homeward:ike} command and console page that show it (docs/architecture.md, "Data
 * flows").
 */
package io.homeward.ike.internal;
