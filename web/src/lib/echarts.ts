// ECharts from its core with only what the dashboard draws: bars and the
// schematic map (or the tiles of a county without one: the same map chart), the bulletin's trends as lines, with grid, tooltip, legend and a
// continuous visual map.
import * as echarts from 'echarts/core';
import { BarChart, LineChart, MapChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, MapChart, GridComponent, LegendComponent, TooltipComponent, VisualMapContinuousComponent, CanvasRenderer]);

export { echarts };
