import Foundation
import SendoutCore

/// `sendout bench world`: what world operations cost as the world grows. A world of `customers` customers and a
/// coupon campaign of `vouchers` codes is built; then lookups by id and by code, and redemptions, are timed; then a
/// loyalty program with an `order.paid` earning rule publishes a card to `redemptions` customers and each of them
/// places and pays an order (earning points). With indexes kept by the store the per-operation costs stay flat
/// from 10k to 1M vouchers.
public enum WorldBench {
  /// Builds the world and times its operations; `redemptions` is capped at `vouchers`.
  public static func run(customers: Int, vouchers: Int, lookups: Int, redemptions: Int) throws(SessionError)
    -> BenchReport
  {
    let redemptions = min(redemptions, vouchers)

    var world = World(seed: 1, start: SingleEventRequest.defaultStart)
    world.keepsLog = false  // as the mock API runs it
    var customerIDs: [String] = []
    var campaignID = ""
    let build = try BenchClock.time { () throws(SessionError) in
      for n in 1...5 { world.addProduct(name: "Product \(n)", sourceID: "prod-\(n)", price: n * 1_500) }
      for _ in 0..<customers { customerIDs.append(world.createCustomer().value.id) }
      let spec = CampaignSpec(
        type: .discountCoupons, codeConfig: CodeConfig(pattern: "##########"), vouchersCount: vouchers)
      do throws(VoucherifyError) { campaignID = try world.createCampaign(spec).value.id } catch {
        throw .internal(error.line)
      }
    }
    let codes = world.vouchers.map(\.code)
    let ids = world.vouchers.map(\.id)
    var found = 0
    let lookup = try BenchClock.time { () throws(SessionError) in
      for n in 0..<lookups {
        let i = (n &* 7_919) % ids.count
        do throws(VoucherifyError) {
          found += try world.voucher(ids[i]).code.count + world.voucher(code: codes[i]).id.count
          found += try world.customer(customerIDs[n % customerIDs.count]).id.count
        } catch { throw .internal(error.line) }
      }
    }
    let redeem = try BenchClock.time { () throws(SessionError) in
      for n in 0..<redemptions {
        do throws(VoucherifyError) {
          _ = try world.redeem(voucherID: ids[ids.count - 1 - n], customerID: customerIDs[n % customerIDs.count])
        } catch { throw .internal(error.line) }
      }
    }
    let holders = min(redemptions, customers)
    var loyaltyID = ""
    let publish = try BenchClock.time { () throws(SessionError) in
      do throws(VoucherifyError) {
        loyaltyID = try world.createCampaign(CampaignSpec(type: .loyaltyProgram, vouchersCount: holders)).value.id
        world.addEarningRule(campaignID: loyaltyID, every: 1_000, points: 10)
        for n in 0..<holders { _ = try world.publish(campaignID: loyaltyID, customerID: customerIDs[n]) }
      } catch { throw .internal(error.line) }
    }
    let earn = try BenchClock.time { () throws(SessionError) in
      for n in 0..<redemptions {
        do throws(VoucherifyError) {
          let order = try world.createOrder(customerID: customerIDs[n % holders]).value
          _ = try world.payOrder(order.id)
        } catch { throw .internal(error.line) }
      }
    }
    let figures: [(String, Int, Double)] = [
      ("build", customers + vouchers, build), ("lookup", lookups * 3, lookup), ("redeem", redemptions, redeem),
      ("publish", holders, publish), ("earn", redemptions, earn),
    ]
    let json = JSON.array(
      figures.map { f in
        [
          "operation": .string(f.0), "count": .int(f.1), "seconds": .double(f.2),
          "microseconds_per_operation": .double(f.2 / Double(f.1) * 1e6), "customers": .int(customers),
          "vouchers": .int(vouchers), "campaign": .string(campaignID),
        ]
      })
    var lines = ["World of \(customers) customers and \(vouchers) vouchers (checksum \(found % 1000)):"]
    for f in figures {
      lines.append(
        String(
          format: "  %-7@ %9d in %7.3f s  %8.2f µs per operation", f.0 as NSString, f.1, f.2, f.2 / Double(f.1) * 1e6))
    }
    return BenchReport(lines: lines, json: json)
  }
}
