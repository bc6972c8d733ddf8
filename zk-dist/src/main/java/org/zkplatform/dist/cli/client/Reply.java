package org.zkplatform.dist.cli.client;

import org.zkplatform.zab.proto.JuteInput;
import org.zkplatform.zab.proto.ReplyHeader;

/**
 * A server's reply to one request.
 *
 * @param body the bytes after the header, to be read by the caller; null for an auth reply
 */
record Reply(ReplyHeader header, JuteInput body) {
}
