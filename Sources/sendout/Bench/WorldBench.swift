import Foundation
import SendoutCore

/// `sendout bench world`: what world operations cost as the world grows. A world of `customers` customers and a
/// coupon campaign of `vouchers` codes is built; then lookups by id and by code, and redemptions, are timed; then a
/// loyalty program with an `order.paid` earning rule publishes a card to `redemptions` customers and each of them
/// places and pays an order (earning points). With indexes kept by the store the per-operation costs stay flat
/// from 10k to 1M vouchers.
enum WorldBench {
  static func run(_ arguments: inout Arguments) throws(CLIError) -> Int32 {
    func count(_ name: String, _ fallback: Int) throws(CLIError) -> Int {
      try arguments.option(name, expected: "a positive integer up to 10000000") {
        Int($0).flatMap { (1...10_000_000).contains($0) ? $0 : nil }
      } ?? fallback
    }
    let customers = try count("--customers", 100_000)
    let vouchers = try count("--vouchers", 1_000_000)
    let lookups = try count("--lookups", 100_000)
    let redemptions = min(try count("--redemptions", 10_000), vouchers)
    let json = arguments.flag("--json")
    let rest = try arguments.positionals()
    guard rest.isEmpty else { throw .usage("'bench world' takes no arguments, got '\(rest[0])'") }

    var world = World(seed: 1, start: SingleEventRequest.defaultStart)
    world.keepsLog = false  // as the mock API runs it
    var customerIDs: [String] = []
    var campaignID = ""
    let build = try BenchClock.time { () throws(CLIError) in
      for n in 1...5 { world.addProduct(name: "Product \(n)", sourceID: "prod-\(n)", price: n * 1_500) }
      for _ in 0..<customers { customerIDs.append(world.createCustomer().value.id) }
      let spec = CampaignSpec(
        type: .discountCoupons, codeConfig: CodeConfig(pattern: "##########"), vouchersCount: vouchers)
      do throws(WorldOperationError) { campaignID = try world.createCampaign(spec).value.id } catch {
        throw .internal(error.message)
      }
    }
    let codes = world.vouchers.map(\.code)
    let ids = world.vouchers.map(\.id)
    var found = 0
    let lookup = try BenchClock.time { () throws(CLIError) in
      for n in 0..<lookups {
        let i = (n &* 7_919) % ids.count
        do throws(WorldOperationError) {
          found += try world.voucher(ids[i]).code.count + world.voucher(code: codes[i]).id.count
          found += try world.customer(customerIDs[n % customerIDs.count]).id.count
        } catch { throw .internal(error.message) }
      }
    }
    let redeem = try BenchClock.time { () throws(CLIError) in
      for n in 0..<redemptions {
        do throws(WorldOperationError) {
          _ = try world.redeem(voucherID: ids[ids.count - 1 - n], customerID: customerIDs[n % customerIDs.count])
        } catch { throw .internal(error.message) }
      }
    }
    let holders = min(redemptions, customers)
    var loyaltyID = ""
    let publish = try BenchClock.time { () throws(CLIError) in
      do throws(WorldOperationError) {
        loyaltyID = try world.createCampaign(CampaignSpec(type: .loyaltyProgram, vouchersCount: holders)).value.id
        world.addEarningRule(campaignID: loyaltyID, every: 1_000, points: 10)
        for n in 0..<holders { _ = try world.publish(campaignID: loyaltyID, customerID: customerIDs[n]) }
      } catch { throw .internal(error.message) }
    }
    let earn = try BenchClock.time { () throws(CLIError) in
      for n in 0..<redemptions {
        do throws(WorldOperationError) {
          let order = try world.createOrder(customerID: customerIDs[n % holders]).value
          _ = try world.payOrder(order.id)
        } catch { throw .internal(error.message) }
      }
    }
    let figures: [(String, Int, Double)] = [
      ("build", customers + vouchers, build), ("lookup", lookups * 3, lookup), ("redeem", redemptions, redeem),
      ("publish", holders, publish), ("earn", redemptions, earn),
    ]
    if json {
      Console.out(
        JSON.array(
          figures.map { f in
            [
              "operation": .string(f.0), "count": .int(f.1), "seconds": .double(f.2),
              "microseconds_per_operation": .double(f.2 / Double(f.1) * 1e6), "customers": .int(customers),
              "vouchers": .int(vouchers), "campaign": .string(campaignID),
            ]
          }
        ).compactString)
    } else {
      Console.out("World of \(customers) customers and \(vouchers) vouchers (checksum \(found % 1000)):")
      for f in figures {
        Console.out(
          String(
            format: "  %-7@ %9d in %7.3f s  %8.2f µs per operation", f.0 as NSString, f.1, f.2, f.2 / Double(f.1) * 1e6)
        )
      }
    }
    return 0
  }
}
