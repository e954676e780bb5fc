/// How a dashboard reads and resumes paused sources where a live delivery queue holds them (`sendout serve`):
/// `serve`'s queue pauses a source when a sendout exhausts its attempts, and `POST /_sendout/delivery/resume`
/// (`{"source": ID}`) resumes it. `sendout dashboard` has none: its sources' state is the audit log's.
struct SourceControl: Sendable {
  /// Ids of the sources paused now.
  var paused: @Sendable () -> Set<String>
  /// Resumes source `id`; `false` when it was not paused.
  var resume: @Sendable (String) -> Bool
}
