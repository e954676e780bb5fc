import Foundation

/// A line chart as inline SVG: axes with ticks, labels and units, a legend, and `<title>`/`<desc>` for screen
/// readers. Colours and dashes come from CSS classes (`series-1`…), so the page's light and dark schemes apply.
/// Deterministic: the same chart gives the same bytes. Every text in it is escaped.
public struct SVGChart: Sendable {
  /// One line: its legend name, and its points (`nil` breaks the line: no data there).
  public struct Series: Sendable {
    /// The legend text.
    public var name: String
    /// The points in data units, in x order.
    public var points: [(x: Double, y: Double)?]

    /// Creates a series.
    public init(name: String, points: [(x: Double, y: Double)?]) {
      self.name = name
      self.points = points
    }
  }

  /// An axis: its label (with the unit), where it ends and its ticks (value, label).
  public struct Axis: Sendable {
    /// The axis title, e.g. "Latency (ms)".
    public var label: String
    /// The value at the far end (the near end is 0).
    public var top: Double
    /// Tick positions and their labels.
    public var ticks: [(value: Double, label: String)]

    /// Creates an axis.
    public init(label: String, top: Double, ticks: [(value: Double, label: String)]) {
      self.label = label
      self.top = top
      self.ticks = ticks
    }

    /// A linear axis from 0 with nice ticks covering `max`.
    public static func linear(_ label: String, max: Double) -> Axis {
      let (top, ticks) = ChartTicks.linear(max: max)
      return Axis(label: label, top: top, ticks: ticks.map { ($0, ChartTicks.label($0)) })
    }

    /// A linear axis from 0 that ends exactly at `end` (a run's end), with the nice ticks that fall inside it.
    public static func upTo(_ label: String, end: Double) -> Axis {
      guard end.isFinite, end > 0 else { return linear(label, max: 0) }
      let nice = ChartTicks.linear(max: end).ticks
      var ticks = nice.filter { $0 <= end * (1 + 1e-9) }.map { ($0, ChartTicks.label($0)) }
      let step = nice.count > 1 ? nice[1] - nice[0] : end
      if let last = ticks.last?.0, end - last >= step / 4 {  // the end itself, to a tenth, when no tick is near it
        ticks.append((end, ChartTicks.label((end * 10).rounded() / 10)))
      }
      return Axis(label: label, top: end, ticks: ticks)
    }
  }

  /// The element id prefix (unique on the page) and the accessible title and description.
  public var id: String
  /// The chart's title (`<title>`).
  public var title: String
  /// What the chart shows, in a sentence or two (`<desc>`).
  public var description: String
  /// The horizontal axis.
  public var x: Axis
  /// The vertical axis.
  public var y: Axis
  /// The lines, drawn in order (`series-1`, `series-2`, …).
  public var series: [Series]

  static let width = 720.0
  static let height = 320.0
  static let left = 64.0
  static let right = 40.0
  static let top = 36.0
  static let bottom = 52.0

  /// Creates a chart.
  public init(id: String, title: String, description: String, x: Axis, y: Axis, series: [Series]) {
    self.id = id
    self.title = title
    self.description = description
    self.x = x
    self.y = y
    self.series = series
  }

  /// The `<svg>` element.
  public var svg: String {
    let e = HTMLText.escape
    let plotW = Self.width - Self.left - Self.right
    let plotH = Self.height - Self.top - Self.bottom
    let px: (Double) -> Double = { Self.left + (x.top > 0 ? $0 / x.top : 0) * plotW }
    let py: (Double) -> Double = { Self.top + plotH - (y.top > 0 ? $0 / y.top : 0) * plotH }
    var out = """
      <svg class="chart" viewBox="0 0 \(n(Self.width)) \(n(Self.height))" role="img" \
      aria-labelledby="\(e(id))-title \(e(id))-desc" xmlns="http://www.w3.org/2000/svg">
      <title id="\(e(id))-title">\(e(title))</title>
      <desc id="\(e(id))-desc">\(e(description))</desc>

      """
    let bottomY = Self.top + plotH
    out += "<g class=\"grid\">\n"
    for tick in y.ticks { out += line(Self.left, py(tick.value), Self.left + plotW, py(tick.value)) }
    for tick in x.ticks { out += line(px(tick.value), Self.top, px(tick.value), bottomY) }
    out += "</g>\n<g class=\"axis\">\n"
    out += line(Self.left, bottomY, Self.left + plotW, bottomY)
    out += line(Self.left, Self.top, Self.left, bottomY)
    for tick in y.ticks { out += text(tick.label, x: Self.left - 6, y: py(tick.value) + 4, anchor: "end") }
    for tick in x.ticks { out += text(tick.label, x: px(tick.value), y: bottomY + 18, anchor: "middle") }
    out += text(x.label, x: Self.left + plotW / 2, y: Self.height - 10, anchor: "middle", className: "axis-label")
    out += "<text class=\"axis-label\" transform=\"translate(16 \(n(Self.top + plotH / 2))) rotate(-90)\" "
    out += "text-anchor=\"middle\">\(e(y.label))</text>\n"
    out += "</g>\n"
    for (k, s) in series.enumerated() {
      out += "<path class=\"line series-\(k + 1)\" d=\"\(path(s.points, px: px, py: py))\"/>\n"
    }
    out += "<g class=\"legend\">\n"
    var lx = Self.left
    for (k, s) in series.enumerated() {
      out += "<line class=\"line series-\(k + 1)\" x1=\"\(n(lx))\" y1=\"14\" x2=\"\(n(lx + 24))\" y2=\"14\"/>\n"
      out += "<text x=\"\(n(lx + 30))\" y=\"18\">\(e(s.name))</text>\n"
      lx += 30 + Double(s.name.count) * 7.5 + 24
    }
    out += "</g>\n</svg>"
    return out
  }

  /// `M x y L x y …`, starting a new subpath after each gap; points are clamped to the plot.
  private func path(_ points: [(x: Double, y: Double)?], px: (Double) -> Double, py: (Double) -> Double) -> String {
    var d: [String] = []
    var drawing = false
    for point in points {
      guard let point else {
        drawing = false
        continue
      }
      let xx = px(min(max(point.x, 0), x.top))
      let yy = py(min(max(point.y, 0), y.top))
      d.append("\(drawing ? "L" : "M")\(n(xx)) \(n(yy))")
      drawing = true
    }
    return d.joined(separator: " ")
  }

  private func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double) -> String {
    "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\"/>\n"
  }

  private func text(_ text: String, x: Double, y: Double, anchor: String, className: String? = nil) -> String {
    let c = className.map { " class=\"\($0)\"" } ?? ""
    return "<text\(c) x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor)\">\(HTMLText.escape(text))</text>\n"
  }

  /// A coordinate with one decimal.
  private func n(_ v: Double) -> String { String(format: "%.1f", v) }
}
