// What a page shows while its data loads, when there is none, or when loading failed; the page's
// own content goes in the slot and is shown once the status is "ready".
Component({
  properties: {
    // loading | ready | empty | error
    status: { type: String, value: 'loading' },
    emptyText: { type: String, value: '暂无内容' },
    errorText: { type: String, value: '加载失败' },
  },
  methods: {
    onRetry() {
      this.triggerEvent('retry');
    },
  },
});
