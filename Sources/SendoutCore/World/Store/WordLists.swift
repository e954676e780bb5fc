/// Small built-in word lists the world draws realistic names and values from.
enum WordLists {
  static let firstNames = [
    "Alex", "Jane", "Ariana", "Jack", "Maya", "Noah", "Olivia", "Liam", "Sofia", "Ethan", "Chloe", "Lucas", "Emma",
    "Mateo", "Hana", "Oscar", "Zoe", "Felix", "Amara", "Leo",
  ]
  static let lastNames = [
    "Doe", "Patel", "Smith", "Kowalski", "Nguyen", "Garcia", "Müller", "Rossi", "Kim", "Okafor", "Silva", "Novak",
    "Larsen", "Dubois", "Tanaka", "Murphy",
  ]
  /// (city, state, country, postal code).
  static let cities: [(String, String, String, String)] = [
    ("Toronto", "Ontario", "Canada", "M4B 2L1"), ("Warsaw", "Mazovia", "Poland", "00-950"),
    ("Austin", "Texas", "United States", "73301"), ("Berlin", "Berlin", "Germany", "10115"),
    ("Lyon", "Auvergne-Rhône-Alpes", "France", "69001"), ("Manchester", "England", "United Kingdom", "M1 1AE"),
    ("Porto", "Porto", "Portugal", "4000-322"), ("Melbourne", "Victoria", "Australia", "3000"),
  ]
  static let streets = ["Maple Leaf Road", "Main Street", "Harbour Lane", "Oak Avenue", "Market Square", "Elm Street"]
  static let domains = ["example.com", "example.org", "mail.example.net"]
  /// (name, source id, price in cents).
  static let products: [(String, String, Int)] = [
    ("Star Thermal Bottle", "star-th-bottle", 2500), ("Adventure Mug", "adv-mug", 1000),
    ("Trail Backpack", "trail-backpack", 8900), ("Running Socks", "run-socks", 1299),
    ("Rain Jacket", "rain-jacket", 12900), ("Camping Lantern", "camp-lantern", 3499),
    ("Yoga Mat", "yoga-mat", 4200), ("Water Filter", "water-filter", 5999),
  ]
  static let categories = ["Star Platinum", "Seasonal", "Retention", "Acquisition"]
  static let segments = ["New Customers", "VIP Customers", "Newsletter Subscribers", "Lapsed Buyers"]
  static let regions = ["EMEA", "AMER", "APAC"]
  static let languages = ["en", "de", "fr", "pl", "pt"]
  static let channels = ["Website", "Mobile app", "In store", "Referral"]
  static let seasons = ["Spring", "Summer", "Autumn", "Winter"]
  static let rollbackReasons = ["Order canceled", "Fraud prevention", "Customer request", "Payment failed"]
  static let tierNames = ["Bronze", "Silver", "Gold", "Platinum"]
}
