// A safety switch for this script, not the service's configuration.
if (Number(process.env.CAN_DROP_DATABASE) !== 1) {
  throw new Error('set CAN_DROP_DATABASE=1 to drop the database');
}
