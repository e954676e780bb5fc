/// Every subcommand, in the order `sendout --help` lists them.
enum CommandRegistry {
  static let all: [any Command.Type] = [
    FireCommand.self,
    ListenCommand.self,
    LoadCommand.self,
    EventsCommand.self,
    RenderCommand.self,
    RunCommand.self,
    ServeCommand.self,
    ValidateCommand.self,
    AuditCommand.self,
    RetryCommand.self,
    DashboardCommand.self,
    BenchCommand.self,
  ]
}
