import Logging

/// Logging for long-running commands (`serve`, `worker`): info and above, to standard error.
enum ServerLogging {
    static func bootstrap() {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .info
            return handler
        }
    }
}
