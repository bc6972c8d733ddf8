package org.zkplatform.dist.compat.diff;

import org.apache.zookeeper.Watcher.Event.EventType;
import org.apache.zookeeper.Watcher.Event.KeeperState;

/** A watch or state event as one session's default watcher received it; zxid normalized like a Stat's. */
public record Event(int session, EventType type, KeeperState state, String path, long zxid) {}
