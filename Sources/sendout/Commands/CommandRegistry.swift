/// Every subcommand, in the order `sendout --help` lists them.
enum CommandRegistry {
  static let all: [any Command.Type] = [
    EventsCommand.self,
    RenderCommand.self,
    FireCommand.self,
    ListenCommand.self,
    AuditCommand.self,
    RetryCommand.self,
  ]
}
