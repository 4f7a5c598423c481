/** webpack emits .xlsx imports as files and gives their URL (asset/resource). */
declare module "*.xlsx" {
  const url: string;
  export default url;
}
