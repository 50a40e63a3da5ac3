/**
 * The embedded demo: a fictional Finnish directory (companies with decision-makers, consumers),
 * a customer register consistent with it, and building data for its addresses. Loaded lazily
 * (the task pane imports this module dynamically) and generated on first use.
 */
export { DemoDirectorySource, DEMO_SOURCE_INFO, companyRecord, consumerRecord, allCompanyRows } from './demoDirectorySource';
export { demoDirectory, loadDemoDirectory, DEMO_COMPANY_COUNT, DEMO_CONSUMER_COUNT, type DemoDirectory } from './directory';
export {
  demoCustomers,
  demoCustomerTruth,
  demoCustomerCases,
  demoConsumerCustomers,
  demoConsumerCustomerTruth,
  demoConsumerCustomerCases,
  COMPANY_CUSTOMER_HEADERS,
  CONSUMER_CUSTOMER_HEADERS,
  type CustomerCase,
  type CustomerCaseKind,
  type CustomerGrid,
} from './customers';
export {
  demoBuildings,
  demoBuildingsAsHelsinkiWfs,
  helsinkiMidnightUtc,
  DEMO_BUILDING_MUNICIPALITIES,
  type FeatureCollection,
} from './buildings';
