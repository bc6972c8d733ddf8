package org.zkplatform.api.election;

/** Whether a server votes (participant) or only follows (observer). */
public enum LearnerType {
    PARTICIPANT,
    OBSERVER
}
