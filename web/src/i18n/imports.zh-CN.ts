// 简体中文: the import page's texts (数据导入), merged into zh-CN.ts as
// `imports`; imports.zh-TW.ts and imports.en.ts are typed against it.
// vue-i18n syntax: {name} interpolates; avoid the characters @ $ | in texts.
const importsZhCN = {
  title: '导入Excel/CSV',
  nav: '导入Excel/CSV',
  group: '数据导入',
  kind: '导入内容',
  kinds: {
    households: '户籍（户与成员）',
    key_persons: '重点人员',
    passages: '卡点通行登记',
    follow_ups: '随访记录',
    purchases: '收购台账',
    listings: '待售农产品',
    labourers: '劳动力登记',
    cooperatives: '农民专业合作社',
  },
  mode: '导入方式',
  modes: {
    allOrNothing: '有错则整个文件不导入',
    goodRows: '导入正确的行，退回有错的行',
  },
  dryRun: '只检查，不写入',
  file: '文件（.xlsx 或 .csv）',
  choose: '选择文件',
  noFile: '请选择要导入的文件',
  submit: '上传并导入',
  uploading: '正在上传：{sent} / {total}',
  resuming: '网络中断，正在从已收到的位置继续上传…',
  importing: '正在导入：已读 {rows} 行',
  states: {
    uploading: '上传中',
    queued: '排队中',
    running: '导入中',
    done: '已完成',
    failed: '失败',
  },
  result: {
    title: '导入结果',
    rowsRead: '读取行数',
    added: '新增',
    updated: '更新',
    unchanged: '未变',
    refused: '退回',
    committed: '已写入数据库',
    notCommitted: '未写入数据库',
    dryRun: '（仅检查）',
    report: '下载问题报告（xlsx）',
    row: '行',
    column: '列',
    value: '内容',
    reason: '原因',
    more: '另有 {n} 条问题，请下载报告查看',
  },
  history: '我的导入',
  fileName: '文件',
  at: '上传时间',
  state: '状态',
  size: '大小',
};

export default importsZhCN;
export type ImportsMessages = typeof importsZhCN;
