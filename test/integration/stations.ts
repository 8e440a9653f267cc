/** A station's edit form as staff would send it back unchanged, with `change` applied. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the stored document, as the SDK gives it
export const stationEdit = (w: any, change: { photo?: string; phone?: string } = {}) => ({
  workstationId: w._id as string,
  name: w.name,
  kind: w.kind,
  address: w.address,
  location: w.location,
  radius: w.radius,
  openingHours: w.openingHours,
  headName: w.headName,
  memberIds: w.memberIds,
  ...change,
});
