/**
 * Service-provider interfaces of zkplatform: transport, election, storage, authentication, and
 * the clock. A plugin needs this module and nothing else; no third-party type appears in any
 * exported signature, so plugins are free to pick their own libraries.
 */
module org.zkplatform.api {
    exports org.zkplatform.api;
    exports org.zkplatform.api.auth;
    exports org.zkplatform.api.election;
    exports org.zkplatform.api.storage;
    exports org.zkplatform.api.time;
    exports org.zkplatform.api.transport;
}
